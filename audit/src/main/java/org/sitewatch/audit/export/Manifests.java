package org.sitewatch.audit.export;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitewatch.audit.AuditException;
import org.sitewatch.events.Json;

/** Reads and writes manifests as indented JSON, and finds the manifest beside an export. */
public final class Manifests {

    private Manifests() {
    }

    /** {@code <export>.manifest.json} in the same directory. */
    public static Path besides(Path export) {
        return export.resolveSibling(export.getFileName() + Manifest.SUFFIX);
    }

    public static void write(Path file, Manifest manifest) {
        try {
            Files.write(file, Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new AuditException(AuditException.Kind.IO, "cannot write the manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "no manifest at " + file
                    + ": an export's manifest is written beside it as <file>" + Manifest.SUFFIX + " (or give --manifest)");
        }
        try {
            Manifest m = Json.MAPPER.readValue(file.toFile(), Manifest.class);
            if (m.manifestVersion() != Manifest.VERSION) {
                throw new AuditException(AuditException.Kind.BAD_REQUEST, file + " is a manifest of version "
                        + m.manifestVersion() + "; this tool reads version " + Manifest.VERSION);
            }
            return m;
        } catch (IOException e) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, file + " is not a readable manifest: " + e.getMessage(), e);
        }
    }
}
