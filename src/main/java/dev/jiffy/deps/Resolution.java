package dev.jiffy.deps;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A resolved dependency set in class-path order, as stored in the build cache under the resolve
 * action's ID: one line per artifact, so that a hit needs no resolver class at all.
 */
public record Resolution(List<ResolvedArtifact> artifacts) {
    public static final Resolution EMPTY = new Resolution(List.of());

    public byte[] encode() {
        StringBuilder b = new StringBuilder("jiffy resolution 1\n");
        for (ResolvedArtifact a : artifacts) {
            b.append(a.coordinate()).append('\t').append(a.sha256() == null ? "-" : a.sha256()).append('\t')
                    .append(a.file()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a stored resolution; null if it does not parse. Its files need not exist here: a
     * set from the remote cache names another machine's local repository, and a hit needs only
     * the coordinates (see {@link #filesPresent}).
     */
    public static Resolution decode(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals("jiffy resolution 1")) {
            return null;
        }
        List<ResolvedArtifact> artifacts = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", 3);
            if (f.length != 3) {
                return null;
            }
            artifacts.add(new ResolvedArtifact(f[0], Path.of(f[2]), f[1].equals("-") ? null : f[1]));
        }
        return new Resolution(List.copyOf(artifacts));
    }

    /** True if every artifact's file is in the local repository, as compile and link need. */
    public boolean filesPresent() {
        return artifacts.stream().allMatch(a -> Files.isRegularFile(a.file()));
    }

    /** The same artifacts (coordinates and SNAPSHOT hashes), wherever their files are. */
    public boolean sameArtifacts(Resolution other) {
        return artifacts.stream().map(ResolvedArtifact::keyLine).toList()
                .equals(other.artifacts.stream().map(ResolvedArtifact::keyLine).toList());
    }

    /** This set, then {@code more}'s artifacts. */
    public Resolution plus(Resolution more) {
        if (more.artifacts.isEmpty()) {
            return this;
        }
        List<ResolvedArtifact> all = new ArrayList<>(artifacts);
        all.addAll(more.artifacts);
        return new Resolution(List.copyOf(all));
    }

    public List<Path> files() {
        return artifacts.stream().map(ResolvedArtifact::file).toList();
    }
}
