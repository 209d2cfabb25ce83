package org.sitewatch.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.sitewatch.security.TokenHash;

/**
 * The embedded default's admin token: made on the first start into {@code <data-dir>/admin-token}, a file
 * only its owner can read or write (created so, never widened afterwards), and handed to the security module
 * as {@code sitewatch.security.admin-token-file}. The token is printed on that first start only; later
 * starts print where the file is.
 *
 * @param file where the token is
 * @param token the token itself
 * @param created whether this start made it (and so may show it)
 */
public record AdminTokenFile(Path file, String token, boolean created) {

    static final String FILE_NAME = "admin-token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Reads the data folder's admin token, making it first if there is none. */
    static AdminTokenFile ensure(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                String token = TokenHash.newToken();
                try {
                    create(file, token);
                    return new AdminTokenFile(file, token, true);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it between the check and the creation: use theirs
                }
            }
            return new AdminTokenFile(file, Files.readString(file, StandardCharsets.UTF_8).trim(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make or read the admin token " + file, e);
        }
    }

    private static void create(Path file, String token) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // born owner-only: no moment where another user could open it
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public String toString() {
        return "AdminTokenFile[file=" + file + ", created=" + created + "]"; // never the token
    }

    /** Tells the user how to use the token: the token itself on the first start, the file's path afterwards. */
    void print(PrintStream out, String baseUrl) {
        Path shown = file.toAbsolutePath();
        String curl = "curl -H \"Authorization: Bearer $(cat " + shown + ")\" " + baseUrl + "/api/maintenance";
        if (created) {
            out.println("sitewatch: made an admin token (shown this once; kept in " + shown + ", readable only by you):");
            out.println("  " + token);
            out.println("  use it as a bearer token, e.g. " + curl);
        } else {
            out.println("sitewatch: the admin token is in " + shown + ", e.g. " + curl);
        }
        out.println("  anyone may view only if you start with --sitewatch.security.anonymous-viewer=true (docs/security.md)");
    }
}
