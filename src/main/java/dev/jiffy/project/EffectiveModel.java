package dev.jiffy.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelBuildingResult;
import org.apache.maven.model.building.ModelProblem;

/**
 * A Maven project's effective model, as Maven's own model builder makes it: parents (by
 * relativePath, then from the repository), properties and {@code ${env.*}}, dependencyManagement
 * with imported BOMs, and profiles activated by JDK, OS, property or file.
 *
 * @param model     the effective model
 * @param pomFiles  every pom it was made of: the project's and its parents' on disk, then those
 *                  from the repository (parents and BOMs), which a run file can pin by stat
 */
public record EffectiveModel(Model model, List<Path> pomFiles) {

    /**
     * Reads the project of {@code pom}.
     *
     * @param javaVersion the {@code java.version} profiles are activated for: the JDK that will
     *                    build and run the program, which need not be the one jiffy runs on
     * @param env         the environment, for {@code ${env.NAME}} and profile activation
     * @param config      {@code .mvn/maven.config}: user properties ({@code -D}), which win over
     *                    the pom's, and profiles turned on or off ({@code -P})
     */
    public static EffectiveModel read(Path pom, PomRepository repository, String javaVersion, Map<String, String> env,
            MavenConfig config) throws ProjectException {
        Properties system = new Properties();
        system.putAll(System.getProperties());
        system.setProperty("java.version", javaVersion);
        env.forEach((name, value) -> system.setProperty("env." + name, value));
        List<Path> fromRepository = new ArrayList<>();
        DefaultModelBuildingRequest request = new DefaultModelBuildingRequest();
        request.setPomFile(pom.toAbsolutePath().normalize().toFile());
        // What Maven itself checks for a project it builds.
        request.setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MAVEN_3_0);
        // Lifecycle bindings live in maven-core; pluginManagement is merged either way.
        request.setProcessPlugins(false);
        request.setTwoPhaseBuilding(false);
        request.setLocationTracking(true);
        request.setSystemProperties(system);
        request.setUserProperties(config.userProperties());
        request.setActiveProfileIds(config.activeProfiles());
        request.setInactiveProfileIds(config.inactiveProfiles());
        request.setModelResolver(new RepositoryModelResolver(repository, fromRepository));
        ModelBuilder builder = new DefaultModelBuilderFactory().newInstance();
        ModelBuildingResult result;
        try {
            result = builder.build(request);
        } catch (ModelBuildingException e) {
            throw new ProjectException(describe(e, pom));
        }
        List<Path> files = new ArrayList<>();
        for (String id : result.getModelIds()) {
            Model raw = result.getRawModel(id);
            if (raw != null && raw.getPomFile() != null) {
                files.add(raw.getPomFile().toPath());
            }
        }
        files.addAll(fromRepository);
        if (config.file() != null) {
            files.add(config.file());
        }
        return new EffectiveModel(result.getEffectiveModel(), List.copyOf(files));
    }

    /** The first error as {@code file:line:column: message}, the way compilers name a place. */
    private static String describe(ModelBuildingException e, Path pom) {
        for (ModelProblem p : e.getProblems()) {
            if (p.getSeverity() == ModelProblem.Severity.WARNING) {
                continue;
            }
            String source = p.getSource() == null || p.getSource().isEmpty() ? pom.toString() : p.getSource();
            String where = source + (p.getLineNumber() > 0 ? ":" + p.getLineNumber() + (p.getColumnNumber() > 0
                    ? ":" + p.getColumnNumber() : "") : "");
            String message = p.getMessage() == null ? "" : p.getMessage().lines().findFirst().orElse("");
            return where + ": " + message;
        }
        return pom + ": " + e.getMessage().lines().findFirst().orElse("cannot be read");
    }

    /** {@code groupId:artifactId:version} of the project. */
    public String coordinates() {
        return model.getGroupId() + ":" + model.getArtifactId() + ":" + model.getVersion();
    }
}
