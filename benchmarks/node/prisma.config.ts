import { defineConfig } from "prisma/config";

// The URL is only needed by commands that connect; `prisma generate` does not.
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: {
    url: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
});
