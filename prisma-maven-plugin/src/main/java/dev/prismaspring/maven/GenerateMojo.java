package dev.prismaspring.maven;

import dev.prismaspring.generate.ClientGeneration;
import dev.prismaspring.generate.GeneratorException;
import java.io.File;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code prisma:generate}: generates the type-safe client from the schema into {@code outputDirectory} and adds
 * that folder to the compile sources (or, with {@code testSources}, to the test sources). Skips the work when the
 * schema, the package and the generator are the same as last time.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The schema: a {@code schema.prisma} file or a folder of {@code .prisma} files. */
    @Parameter(property = "prisma.schema", defaultValue = "${project.basedir}/src/main/resources/prisma/schema.prisma")
    File schema;

    /** Where the Java sources go. */
    @Parameter(property = "prisma.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/prisma")
    File outputDirectory;

    /** The package of the generated classes, e.g. {@code com.example.db}. */
    @Parameter(property = "prisma.packageName", required = true)
    String packageName;

    /** Add the output to the test sources instead of the main sources. */
    @Parameter(property = "prisma.testSources", defaultValue = "false")
    boolean testSources;

    /** Generate even when the output is up to date. */
    @Parameter(property = "prisma.force", defaultValue = "false")
    boolean force;

    /** Skip the goal. */
    @Parameter(property = "prisma.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Prisma client generation skipped (prisma.skip).");
            return;
        }
        try {
            ClientGeneration.Outcome outcome = ClientGeneration.run(schema.toPath(), outputDirectory.toPath(),
                    packageName, force);
            if (outcome.generated()) {
                getLog().info("Generated the Prisma client (" + outcome.models() + " models, " + outcome.files()
                        + " files) in package " + packageName + " from " + schema + " into " + outputDirectory);
            } else {
                getLog().info("Prisma client up to date (" + outputDirectory + ")");
            }
        } catch (GeneratorException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (project != null) {
            if (testSources) {
                project.addTestCompileSourceRoot(outputDirectory.getAbsolutePath());
            } else {
                project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
            }
        }
    }
}
