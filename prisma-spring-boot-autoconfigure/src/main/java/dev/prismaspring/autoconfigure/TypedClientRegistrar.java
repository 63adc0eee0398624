package dev.prismaspring.autoconfigure;

import dev.prismaspring.client.PrismaClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the generated type-safe client ({@code <prisma.client.generated-package>.Prisma}, written by
 * {@code prisma-maven-plugin}) as a bean built from the {@link PrismaClient} bean, unless the application defines a
 * bean of that class itself. Fails the startup with a {@link PrismaStartupException} when the property names a
 * package without a generated {@code Prisma} class.
 */
class TypedClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanClassLoaderAware {

    static final String PROPERTY = "prisma.client.generated-package";

    static final String BEAN_NAME = "prismaTypedClient";

    private @Nullable Environment environment;

    private @Nullable ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        String pkg = environment == null ? null
                : Binder.get(environment).bind(PROPERTY, String.class).map(String::strip).orElse(null);
        if (pkg == null || pkg.isEmpty()) {
            return;
        }
        Class<?> type = load(pkg + ".Prisma");
        if (registry instanceof ListableBeanFactory beans && beans.getBeanNamesForType(type, true, false).length > 0) {
            return; // the application's own bean of the generated class wins
        }
        RootBeanDefinition definition = new RootBeanDefinition(type);
        definition.setAutowireMode(RootBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        definition.setDescription("The type-safe client generated into " + pkg + ", over the PrismaClient bean");
        registry.registerBeanDefinition(BEAN_NAME, definition);
    }

    private Class<?> load(String className) {
        try {
            return ClassUtils.forName(className, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PrismaStartupException("The property " + PROPERTY + " names the package of the generated "
                    + "type-safe client, but the class " + className + " is not on the classpath.",
                    "Generate the client with prisma-maven-plugin (goal generate, <packageName> equal to the "
                    + "property) or \"prisma generate\", or correct or remove " + PROPERTY + ".", e);
        }
    }
}
