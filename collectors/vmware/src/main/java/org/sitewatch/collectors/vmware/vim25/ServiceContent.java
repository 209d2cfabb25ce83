package org.sitewatch.collectors.vmware.vim25;

/**
 * The parts of vCenter's {@code ServiceContent} the collector uses: the managers it calls and
 * the {@code about} facts (API version for the {@code SOAPAction}, the instance UUID that tells
 * two vCenters apart).
 */
public record ServiceContent(MoRef rootFolder, MoRef propertyCollector, MoRef viewManager, MoRef sessionManager,
                             MoRef eventManager, String apiVersion, String fullName, String instanceUuid) {

    static ServiceContent from(DataObject content) {
        DataObject about = content.object("about");
        if (about == null || content.moRef("propertyCollector") == null || content.moRef("sessionManager") == null) {
            throw new IllegalArgumentException("ServiceContent without about, propertyCollector or sessionManager");
        }
        return new ServiceContent(content.moRef("rootFolder"), content.moRef("propertyCollector"),
                content.moRef("viewManager"), content.moRef("sessionManager"), content.moRef("eventManager"),
                about.string("apiVersion"), about.string("fullName"), about.string("instanceUuid"));
    }
}
