package dev.prismaspring.testdb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link TestDatabase} parameter (of a test, lifecycle method or constructor) that
 * {@link TestDatabaseExtension} fills with the test class's own fresh database of this kind.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface FreshDatabase {

    /** Which server. */
    DbKind value();
}
