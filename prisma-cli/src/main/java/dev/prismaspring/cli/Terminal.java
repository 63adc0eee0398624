package dev.prismaspring.cli;

/** Whether to colour output: only on an interactive terminal, and never when NO_COLOR is set. */
final class Terminal {

    private Terminal() {
    }

    static boolean colors() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
