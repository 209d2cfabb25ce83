package org.sitewatch.collectors.azure.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.sitewatch.collectors.azure.mapping.AzureVmWords.Availability;
import org.sitewatch.collectors.azure.mapping.AzureVmWords.Power;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * Maps an Azure VM of the subscription-wide status list (vendor doc 2.6, {@code statusOnly=true},
 * each VM with {@code properties.instanceView.statuses[]}) and its Resource Health (2.7) to a
 * {@link VmState}. The power word comes from the {@code PowerState/...} status; Resource Health,
 * when not Available, follows it in {@code vendorState} ({@code running; Resource Health Degraded: ...}).
 */
public final class AzureVmMapper {

    private final String site;

    public AzureVmMapper(String site) {
        this.site = site;
    }

    /** The VM's ARM id, lower-case, as items refer to it; null when absent. */
    public static String id(JsonNode vm) {
        String id = Json.text(vm, "id");
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    /**
     * @param health the {@code availabilityStatuses/current} resource; null when it was not read
     * @param healthProblem why Resource Health could not be read; null when it was (or was not tried)
     */
    public VmState map(JsonNode vm, JsonNode health, String healthProblem) {
        String id = id(vm);
        if (id == null) {
            throw new UnusableItemException("a virtual machine has no id");
        }
        String powerCode = null;
        JsonNode statuses = vm.path("properties").path("instanceView").path("statuses");
        if (statuses.isMissingNode()) {
            statuses = vm.path("statuses");
        }
        for (JsonNode status : statuses) {
            String code = Json.text(status, "code");
            if (code != null && code.regionMatches(true, 0, "PowerState/", 0, "PowerState/".length())) {
                powerCode = code;
            }
        }
        Reading<Power> power = AzureVmWords.power(powerCode);
        StringBuilder vendorState = new StringBuilder(power.raw() == null ? "power state not reported" : power.raw());
        if (healthProblem != null) {
            vendorState.append("; Resource Health unreadable: ").append(healthProblem);
        } else if (health != null) {
            JsonNode props = health.path("properties");
            Reading<Availability> availability = AzureVmWords.availability(Json.text(props, "availabilityState"));
            if (availability.value() != Availability.AVAILABLE) {
                String summary = Json.text(props, "summary");
                vendorState.append("; Resource Health ")
                        .append(availability.raw() == null ? "(no availabilityState)" : availability.raw())
                        .append(summary == null ? "" : ": " + summary);
            }
        }
        return new VmState(site, Platform.AZURE, id, Json.text(vm, "name"), null, null,
                power.value().power(), vendorState.toString(), null, null, false);
    }
}
