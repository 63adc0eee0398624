package dev.prismaspring.samples.blog;

import dev.prismaspring.client.PrismaClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users: create and list (with how many posts each wrote). */
@RestController
@RequestMapping("/users")
class UserController {

    private final PrismaClient prisma;

    UserController(PrismaClient prisma) {
        this.prisma = prisma;
    }

    /** A new user. */
    record NewUser(String email, String name) {
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return prisma.model("User").findMany(Map.of(
                "include", Map.of("_count", Map.of("select", Map.of("posts", true))),
                "orderBy", Map.of("id", "asc")));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Object create(@RequestBody NewUser body) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", String.valueOf(body.email()));
        if (body.name() != null) {
            data.put("name", body.name());
        }
        return prisma.model("User").run("create", Map.of("data", data));
    }
}
