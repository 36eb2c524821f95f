package dev.jiffy.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Model;
import org.apache.maven.model.Profile;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;

/**
 * The modules a project is built with, as Maven's reactor has them when {@code mvn} runs at the
 * top: the highest pom above the project whose {@code <modules>} lead down to it, and every module
 * below that one. A module that depends on another module of the reactor (same group, artifact
 * and version) gets it from source, not from a repository.
 */
public final class Reactor {
    /** Reads a pom's effective model. */
    public interface Models {
        EffectiveModel read(Path pom) throws ProjectException;
    }

    /** One module: its pom, its effective model and what it builds. */
    public record Module(Path pom, EffectiveModel effective, MavenBuild build) {
        /** {@code groupId:artifactId:version}. */
        public String coordinates() {
            return build.coordinates();
        }
    }

    private final Path root;
    private final Map<String, Module> modules;
    private final Module target;

    private Reactor(Path root, Map<String, Module> modules, Module target) {
        this.root = root;
        this.modules = modules;
        this.target = target;
    }

    /**
     * The reactor that {@code pom} is built in. A pom that no pom above it lists as a module is a
     * reactor of its own modules.
     */
    public static Reactor of(Path pom, Models models) throws ProjectException {
        Path target = pom.toAbsolutePath().normalize();
        Path root = root(target);
        Map<String, Module> modules = new LinkedHashMap<>();
        Map<Path, Module> byPom = new LinkedHashMap<>();
        load(root, models, modules, byPom);
        Module module = byPom.get(target);
        if (module == null) {
            // Listed only in a profile that is not active: built on its own, as mvn -f would.
            modules.clear();
            byPom.clear();
            load(target, models, modules, byPom);
            root = target;
            module = byPom.get(target);
        }
        Reactor reactor = new Reactor(root, Collections.unmodifiableMap(modules), module);
        reactor.refuseCycles();
        return reactor;
    }

    /** The pom {@code mvn} runs in: the highest one above {@code pom} whose modules, in any profile, reach it. */
    private static Path root(Path pom) {
        Path root = pom;
        for (Path child = pom.getParent(), dir = child.getParent(); dir != null; child = dir, dir = dir.getParent()) {
            Path above = dir.resolve("pom.xml");
            if (!Files.isRegularFile(above) || !listedModules(above).contains(child)) {
                break;
            }
            root = above;
        }
        return root;
    }

    /** The directories a pom names as modules in any profile, from its own XML; none if it does not parse. */
    private static Set<Path> listedModules(Path pom) {
        Set<Path> dirs = new HashSet<>();
        try (InputStream in = Files.newInputStream(pom)) {
            Model raw = new MavenXpp3Reader().read(in, false);
            List<String> names = new ArrayList<>(raw.getModules());
            for (Profile p : raw.getProfiles()) {
                names.addAll(p.getModules());
            }
            for (String name : names) {
                Path m = pom.getParent().resolve(name).normalize();
                dirs.add(m.getFileName() != null && m.getFileName().toString().endsWith(".xml") ? m.getParent() : m);
            }
        } catch (IOException | org.codehaus.plexus.util.xml.pull.XmlPullParserException | RuntimeException e) {
            // A pom that cannot be read is not taken as a reactor root; reading it as a model names the fault.
        }
        return dirs;
    }

    private static void load(Path pom, Models models, Map<String, Module> modules, Map<Path, Module> byPom)
            throws ProjectException {
        if (byPom.containsKey(pom)) {
            return;
        }
        EffectiveModel effective = models.read(pom);
        Module module = new Module(pom, effective, MavenBuild.of(effective));
        Module twin = modules.putIfAbsent(module.coordinates(), module);
        if (twin != null) {
            throw new ProjectException(pom + ": " + module.coordinates() + " is also the project of " + twin.pom()
                    + "; a reactor holds each project once");
        }
        byPom.put(pom, module);
        Model model = effective.model();
        List<String> names = model.getModules();
        for (int i = 0; i < names.size(); i++) {
            Path path = pom.getParent().resolve(names.get(i)).normalize();
            Path child = Files.isDirectory(path) ? path.resolve("pom.xml") : path;
            if (!Files.isRegularFile(child)) {
                throw new ProjectException(where(pom, model, i) + ": module " + names.get(i) + " does not exist (no "
                        + child + ")");
            }
            load(child, models, modules, byPom);
        }
    }

    /** {@code pom:line:column} of the i-th {@code <module>}, as far as the model builder tracked it. */
    private static String where(Path pom, Model model, int i) {
        InputLocation modules = model.getLocation("modules");
        InputLocation at = modules == null ? null : modules.getLocation(i);
        InputLocation found = at != null ? at : modules;
        return found == null || found.getLineNumber() <= 0 ? pom.toString()
                : pom + ":" + found.getLineNumber() + (found.getColumnNumber() > 0 ? ":" + found.getColumnNumber() : "");
    }

    /** Maven refuses a reactor whose modules depend on each other in a circle, and so does jiffy. */
    private void refuseCycles() throws ProjectException {
        Set<String> done = new HashSet<>();
        for (String start : modules.keySet()) {
            List<String> cycle = cycleFrom(start, new LinkedHashSet<>(), done);
            if (cycle != null) {
                throw new ProjectException(root + ": the modules depend on each other in a cycle: "
                        + String.join(" -> ", cycle.stream().map(Reactor::groupArtifact).toList()));
            }
        }
    }

    private List<String> cycleFrom(String module, LinkedHashSet<String> path, Set<String> done) {
        if (path.contains(module)) {
            List<String> cycle = new ArrayList<>(path).subList(new ArrayList<>(path).indexOf(module), path.size());
            List<String> closed = new ArrayList<>(cycle);
            closed.add(module);
            return closed;
        }
        if (!done.add(module)) {
            return null;
        }
        path.add(module);
        for (String next : dependencies(modules.get(module))) {
            List<String> cycle = cycleFrom(next, path, done);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(module);
        return null;
    }

    /** The modules of this reactor that {@code module}'s pom depends on directly, in any scope. */
    public List<String> dependencies(Module module) {
        return module.build().dependencies().stream()
                .map(d -> d.coordinate().groupId() + ":" + d.coordinate().artifactId() + ":" + d.coordinate().version())
                .filter(modules::containsKey).distinct().toList();
    }

    /** The modules {@code module} depends on, directly or through other modules, each once. */
    public List<Module> reached(Module module) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> next = new ArrayList<>(dependencies(module));
        while (!next.isEmpty()) {
            String m = next.remove(0);
            if (seen.add(m)) {
                next.addAll(dependencies(modules.get(m)));
            }
        }
        return seen.stream().map(modules::get).toList();
    }

    private static String groupArtifact(String coordinates) {
        return coordinates.substring(0, coordinates.lastIndexOf(':'));
    }

    /** The project that was asked for. */
    public Module target() {
        return target;
    }

    /** The module of {@code groupId:artifactId:version}, or null if it is not in this reactor. */
    public Module module(String coordinates) {
        return modules.get(coordinates);
    }

    /** Every pom of every module, for {@code groupId:artifactId:version}. */
    public Map<String, Path> poms() {
        Map<String, Path> poms = new LinkedHashMap<>();
        modules.forEach((gav, m) -> poms.put(gav, m.pom()));
        return poms;
    }

    /** Every pom file any module's model was made of, each once: what a run file pins. */
    public List<Path> pomFiles() {
        Set<Path> files = new LinkedHashSet<>();
        files.add(root);
        files.addAll(target.effective().pomFiles());
        modules.values().forEach(m -> files.addAll(m.effective().pomFiles()));
        return List.copyOf(files);
    }

    /** The top pom, where {@code mvn} would run. */
    public Path root() {
        return root;
    }
}
