package io.sparkwise.advisor.cost;

import io.sparkwise.advisor.catalog.CatalogEntry;
import io.sparkwise.advisor.catalog.InstanceType;
import io.sparkwise.advisor.catalog.PriceCatalog;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Where a run is priced: the instance type its executors ran on, the platform and whether the
 * nodes were spot. Serverless platforms (emr-serverless, glue) bill vCPU/memory or DPUs and need no
 * instance type.
 */
public record PriceContext(PriceCatalog catalog, Optional<InstanceType> instance, String platform, CatalogEntry platformFees,
                           boolean spot) {

    static final Set<String> SERVERLESS = Set.of("emr-serverless", "glue");

    public PriceContext {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(instance, "instance is null");
        requireNonNull(platform, "platform is null");
        requireNonNull(platformFees, "platformFees is null");
    }

    /** Checks the combination and looks everything up; a clear usage error when something is missing. */
    public static PriceContext of(PriceCatalog catalog, Optional<String> provider, Optional<String> instanceType,
                                  Optional<String> platform, boolean spot) {
        String name = platform.map(p -> p.toLowerCase(Locale.ROOT)).orElse("none");
        CatalogEntry fees = catalog.platform(name);
        if (!SERVERLESS.contains(name) && instanceType.isEmpty()) {
            throw new SparkwiseException(ErrorCode.USAGE, "pricing on platform '" + name + "' needs --instance TYPE "
                    + "(the node type executors ran on, e.g. m5.xlarge)");
        }
        if (SERVERLESS.contains(name) && spot) {
            throw new SparkwiseException(ErrorCode.USAGE, "--spot does not apply to " + name + " (serverless: no instances to choose)");
        }
        Optional<InstanceType> instance = instanceType.map(t -> catalog.instance(provider, t));
        return new PriceContext(catalog, instance, name, fees, spot);
    }

    public boolean serverless() {
        return SERVERLESS.contains(platform);
    }

    /** "m5.xlarge on emr (spot)" for headings. */
    public String label() {
        return instance.map(i -> i.provider() + " " + i.type() + " ").orElse("") + "on " + platform + (spot ? " (spot)" : "");
    }
}
