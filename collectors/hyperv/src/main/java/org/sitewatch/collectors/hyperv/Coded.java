package org.sitewatch.collectors.hyperv;

/**
 * A vendor enum whose members have the integer codes PowerShell's ConvertTo-Json writes when a
 * script does not convert them to names (Windows PowerShell 5.1 always does that). The member's
 * Java name is the vendor's name.
 */
interface Coded {

    int code();

    String name();
}
