# Sitewatch: one Hyper-V / Failover Clustering snapshot of this host as a single JSON document.
# Runs in Windows PowerShell 5.1 and in PowerShell 7. Long property names are selected explicitly
# and enums converted with [string], dates sent as UTC ISO-8601 and TimeSpans as seconds, so the
# output does not depend on ConvertTo-Json's version; the reader still accepts the raw forms.
# Get-VM and Get-VMReplication see this node only (a cluster is read node by node: fanning out with
# -ComputerName would need credential delegation, the "second hop").
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8

function Iso($date) { if ($date) { $date.ToUniversalTime().ToString('o') } else { $null } }
function Seconds($span) { if ($null -ne $span) { $span.TotalSeconds } else { $null } }
function Text($value) { if ($null -ne $value) { [string]$value } else { $null } }
function Failure($err) { "$($err.Exception.GetType().Name): $($err.Exception.Message)" }

$report = [ordered]@{
  schema = 1
  computerName = $env:COMPUTERNAME
  psVersion = $PSVersionTable.PSVersion.ToString()
  collectedAt = Iso (Get-Date)
}

$report.vms = @(Get-VM | ForEach-Object {
  [ordered]@{
    Name = $_.Name; Id = Text $_.Id; ComputerName = $_.ComputerName
    State = Text $_.State; Status = $_.Status; Heartbeat = Text $_.Heartbeat
    IsClustered = [bool]$_.IsClustered; CreationTime = Iso $_.CreationTime; UptimeSeconds = Seconds $_.Uptime
    ReplicationState = Text $_.ReplicationState; ReplicationHealth = Text $_.ReplicationHealth
    ReplicationMode = Text $_.ReplicationMode
  }
})

# Only a host with replicated VMs is asked about replication: the replication cmdlets are not
# needed elsewhere, and an error of theirs would make the node's replication look unreadable.
$replicated = @($report.vms | Where-Object { $_.ReplicationMode -and $_.ReplicationMode -ne 'None' }).Count -gt 0
$replications = @()
$relationships = if ($replicated) { @('Simple', 'Extended') } else { @() }
foreach ($relationship in $relationships) {
  try {
    $replications += @(Get-VMReplication -ReplicationRelationshipType $relationship -ErrorAction Stop | ForEach-Object {
      [ordered]@{
        VMName = $_.VMName; VMId = Text $_.VMId; ComputerName = $_.ComputerName
        ReplicationState = Text $_.ReplicationState; ReplicationHealth = Text $_.ReplicationHealth
        ReplicationMode = Text $_.ReplicationMode; ReplicationRelationshipType = Text $_.ReplicationRelationshipType
        PrimaryServerName = $_.PrimaryServerName; ReplicaServerName = $_.ReplicaServerName
        CurrentReplicaServerName = $_.CurrentReplicaServerName; ReplicationFrequencySec = $_.ReplicationFrequencySec
        LastReplicationTime = Iso $_.LastReplicationTime
        TestVirtualMachineId = if ($_.TestVirtualMachine) { Text $_.TestVirtualMachine.Id } else { $null }
      }
    })
  } catch {
    $report["replicationError$relationship"] = Failure $_
  }
}
$measures = @()
if ($replicated) {
  try {
    $measures = @(Measure-VMReplication -ErrorAction Stop | ForEach-Object {
      [ordered]@{
        VMName = $_.VMName; VMId = Text $_.VMId; ReplicationRelationshipType = Text $_.ReplicationRelationshipType
        ReplicationState = Text $_.ReplicationState; ReplicationHealth = Text $_.ReplicationHealth
        LastReplicationTime = Iso $_.LastReplicationTime
        LastTestFailoverInitiatedTime = Iso $_.LastTestFailoverInitiatedTime
        PendingReplicationSize = $_.PendingReplicationSize
        AverageReplicationLatency = Seconds $_.AverageReplicationLatency
        MaximumReplicationLatency = Seconds $_.MaximumReplicationLatency
        ReplicationErrors = $_.ReplicationErrors; SuccessfulReplicationCount = $_.SuccessfulReplicationCount
        MissedReplicationCount = $_.MissedReplicationCount
        ReplicationHealthDetails = @($_.ReplicationHealthDetails | ForEach-Object { [string]$_ })
      }
    })
  } catch {
    $report.replicationHealthError = Failure $_
  }
}
$report.replications = $replications
$report.replicationHealth = $measures

$clustering = [ordered]@{ status = 'NotInstalled' }
$service = Get-Service -Name ClusSvc -ErrorAction SilentlyContinue
if ($service -and -not (Get-Command Get-ClusterNode -ErrorAction SilentlyContinue)) {
  $clustering.status = 'NoCmdlets'
} elseif ($service -and $service.Status -ne 'Running') {
  $clustering.status = 'ServiceStopped'
} elseif ($service) {
  try {
    $cluster = Get-Cluster
    $quorum = Get-ClusterQuorum
    $clustering.status = 'Ok'
    $clustering.name = $cluster.Name
    $clustering.dynamicQuorum = $cluster.DynamicQuorum
    $clustering.witnessDynamicWeight = $cluster.WitnessDynamicWeight
    $clustering.nodes = @(Get-ClusterNode | ForEach-Object {
      [ordered]@{
        Name = $_.Name; Id = Text $_.Id; State = Text $_.State; StatusInformation = Text $_.StatusInformation
        DrainStatus = Text $_.DrainStatus; NodeWeight = $_.NodeWeight; DynamicWeight = $_.DynamicWeight
      }
    })
    # The VM id of each VirtualMachine role, from its resource's VmID parameter (one call for all).
    $vmIds = @{}
    try {
      Get-ClusterResource | Where-Object { [string]$_.ResourceType -eq 'Virtual Machine' } |
        Get-ClusterParameter -Name VmID -ErrorAction Stop |
        ForEach-Object { $vmIds[[string]$_.ClusterObject.OwnerGroup] = [string]$_.Value }
    } catch {
      $clustering.vmIdError = Failure $_
    }
    $clustering.groups = @(Get-ClusterGroup | ForEach-Object {
      [ordered]@{
        Name = $_.Name; Id = Text $_.Id; OwnerNode = if ($_.OwnerNode) { $_.OwnerNode.Name } else { $null }
        State = Text $_.State; GroupType = Text $_.GroupType; StatusInformation = Text $_.StatusInformation
        IsCoreGroup = [bool]$_.IsCoreGroup; VmId = $vmIds[$_.Name]
      }
    })
    $clustering.quorum = [ordered]@{
      QuorumType = Text $quorum.QuorumType
      QuorumResource = if ($quorum.QuorumResource) { $quorum.QuorumResource.Name } else { $null }
      QuorumResourceType = if ($quorum.QuorumResource) { Text $quorum.QuorumResource.ResourceType } else { $null }
      QuorumResourceState = if ($quorum.QuorumResource) { Text $quorum.QuorumResource.State } else { $null }
    }
  } catch {
    $clustering.status = 'Error'
    $clustering.error = Failure $_
  }
}
$report.clustering = $clustering

ConvertTo-Json -InputObject $report -Depth 6 -Compress
