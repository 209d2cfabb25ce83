package org.sitewatch.audit.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sitewatch.audit.export.ExportFormat;

/**
 * Compares an export with a fresh rendering of Kafka's records, unit by unit ({@link Alignment}), and
 * explains each changed unit ({@link TextDiff}). Both files are read by the same {@link UnitReader},
 * so line ends and quoting are treated alike.
 */
final class UnitComparison {

    private final ExportFormat format;
    private final Path expectedFile;
    private final Path actualFile;

    UnitComparison(ExportFormat format, Path expectedFile, Path actualFile) {
        this.format = format;
        this.expectedFile = expectedFile;
        this.actualFile = actualFile;
    }

    void run(Verifier.Checks checks) throws IOException {
        ExpectedIndex expected = new ExpectedIndex();
        String header = null;
        try (BufferedReader in = Verifier.reader(expectedFile)) {
            UnitReader units = new UnitReader(in, format);
            while (units.hasNext()) {
                Unit u = units.next();
                if (Unit.HEADER.equals(u.key())) {
                    header = u.text();
                }
                expected.add(u);
            }
        }
        String noun = format == ExportFormat.CSV ? "row" : "line";
        Alignment alignment = new Alignment(expected, noun);
        try (BufferedReader in = Verifier.reader(actualFile)) {
            new UnitReader(in, format).forEachRemaining(alignment::accept);
        }
        alignment.finish();
        if (alignment.total() == 0) {
            checks.passed("every " + noun + " matches Kafka's records, in order (" + expected.size() + " " + noun + "s)");
            return;
        }
        Map<Integer, String> wanted = expectedTexts(alignment);
        for (Alignment.Problem p : alignment.problems()) {
            checks.failed(p.changedPosition() == null ? p.message()
                    : p.message() + ": " + TextDiff.describe(format, header, wanted.get(p.changedPosition()), p.actualText()));
        }
        checks.unlisted += alignment.total() - alignment.problems().size();
    }

    /** Reads back the expected texts of changed units (few: at most the listed problems). */
    private Map<Integer, String> expectedTexts(Alignment alignment) throws IOException {
        Map<Integer, String> texts = new HashMap<>();
        for (Alignment.Problem p : alignment.problems()) {
            if (p.changedPosition() != null) {
                texts.put(p.changedPosition(), null);
            }
        }
        if (texts.isEmpty()) {
            return texts;
        }
        try (BufferedReader in = Verifier.reader(expectedFile)) {
            UnitReader units = new UnitReader(in, format);
            for (int pos = 0; units.hasNext(); pos++) {
                Unit u = units.next();
                if (texts.containsKey(pos)) {
                    texts.put(pos, u.text());
                }
            }
        }
        return texts;
    }
}
