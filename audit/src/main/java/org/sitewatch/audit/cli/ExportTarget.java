package org.sitewatch.audit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sitewatch.audit.AuditException;

/**
 * Where an export goes: stdout ({@code -}) or a file. A file is written beside its final name and
 * moved into place only when complete, so a failed replay never leaves a truncated export that looks
 * finished.
 */
final class ExportTarget implements AutoCloseable {

    private final Path file;
    private final Path partial;
    private final OutputStream out;
    private boolean committed;

    private ExportTarget(Path file, Path partial, OutputStream out) {
        this.file = file;
        this.partial = partial;
        this.out = out;
    }

    static ExportTarget open(String output) {
        if (output == null || output.equals("-")) {
            return new ExportTarget(null, null, new NonClosing(System.out));
        }
        Path file = Path.of(output).toAbsolutePath();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            return new ExportTarget(file, partial, Files.newOutputStream(partial));
        } catch (IOException e) {
            throw new AuditException(AuditException.Kind.IO, "cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    OutputStream stream() {
        return out;
    }

    /** The final file, or null for stdout. */
    Path file() {
        return file;
    }

    void commit() throws IOException {
        out.close();
        if (file != null) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                out.close();
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException e) {
                // the command already failed; a leftover .partial file is named as such
            }
        }
    }

    /** stdout stays open for whatever the JVM prints after the command. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
