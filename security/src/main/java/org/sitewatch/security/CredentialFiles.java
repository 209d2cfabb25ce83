package org.sitewatch.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files {@code sitewatch.security.*} may name: a plain token file (a mounted secret, the embedded
 * default's admin token) and line-oriented tokens and users files ({@code #} starts a comment):
 * <pre>
 * # tokens-file: name, SHA-256 of the token, roles
 * ci-bot      9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  operator
 * # users-file: name, bcrypt hash, roles
 * alice       $2a$10$...                                                       viewer,operator
 * </pre>
 */
final class CredentialFiles {

    private CredentialFiles() {
    }

    /** The single token in {@code file}, trimmed; at least {@link TokenHash#MIN_TOKEN_LENGTH} characters. */
    static String readToken(Path file, String key) {
        String token = read(file, key).trim();
        if (token.isEmpty() || token.contains("\n") || token.contains(" ")) {
            throw new SecurityConfigurationException(key, file + " must hold exactly one token on one line");
        }
        if (token.length() < TokenHash.MIN_TOKEN_LENGTH) {
            throw new SecurityConfigurationException(key, "the token in " + file + " is too short: use at least "
                    + TokenHash.MIN_TOKEN_LENGTH + " random characters (e.g. openssl rand -base64 32)");
        }
        return token;
    }

    static List<Credentials.TokenEntry> tokens(Path file, String key) {
        List<Credentials.TokenEntry> entries = new ArrayList<>();
        forEachEntry(file, key, (fields, at) -> entries.add(new Credentials.TokenEntry(Credentials.name(fields[0], at),
                Credentials.sha256(fields[1], at), Credentials.roles(Arrays.asList(fields[2].split(",")), at), at)));
        return entries;
    }

    static List<Credentials.BasicUser> users(Path file, String key) {
        List<Credentials.BasicUser> entries = new ArrayList<>();
        forEachEntry(file, key, (fields, at) -> entries.add(Credentials.user(fields[0], fields[1],
                Credentials.roles(Arrays.asList(fields[2].split(",")), at), at)));
        return entries;
    }

    private interface EntryReader {
        void accept(String[] fields, String at);
    }

    private static void forEachEntry(Path file, String key, EntryReader reader) {
        String[] lines = read(file, key).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = Credentials.at(key, file, i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 3) {
                throw new SecurityConfigurationException(at, "expected three fields: name, hash, roles "
                        + "(comma-separated), got " + fields.length);
            }
            reader.accept(fields, at);
        }
    }

    private static String read(Path file, String key) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SecurityConfigurationException(key, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
