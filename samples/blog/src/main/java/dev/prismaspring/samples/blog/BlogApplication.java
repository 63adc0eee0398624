package dev.prismaspring.samples.blog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The blog sample: a REST API over users, posts, tags and comments, built on the {@code PrismaClient} bean of the
 * Prisma starter. The schema is {@code src/main/resources/prisma/schema.prisma}; its migrations are applied at
 * startup.
 */
@SpringBootApplication
public class BlogApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlogApplication.class, args);
    }
}
