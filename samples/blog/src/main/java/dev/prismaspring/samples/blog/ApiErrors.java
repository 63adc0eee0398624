package dev.prismaspring.samples.blog;

import dev.prismaspring.query.PrismaException;
import dev.prismaspring.query.PrismaValidationException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Prisma's errors as HTTP answers: {@code {"code": "P2002", "message": "..."}} with a fitting status. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(PrismaException.class)
    ResponseEntity<Map<String, String>> prismaError(PrismaException e) {
        return ResponseEntity.status(status(e)).body(Map.of("code", e.code(), "message", e.getMessage()));
    }

    private static HttpStatus status(PrismaException e) {
        if (e instanceof PrismaValidationException) {
            return HttpStatus.BAD_REQUEST;
        }
        return switch (e.code()) {
            case "P2025" -> HttpStatus.NOT_FOUND;         // record to update, delete or connect not found
            case "P2002", "P2003", "P2014" -> HttpStatus.CONFLICT; // unique, foreign key, relation violations
            case "P2026" -> HttpStatus.NOT_IMPLEMENTED;   // the operation is not supported (yet)
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
