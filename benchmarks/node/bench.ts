// Prisma's own Node.js client (Prisma 7, the Rust-free client with the pg driver adapter) on the database and
// queries of the JMH suite (dev.prismaspring.bench.ReadBench / ReadArgs), measured with the same scheme:
// warmup iterations then measurement iterations of a fixed duration, one query at a time, ops/s per iteration.
//
//   BENCH_DATABASE_URL=postgresql://... npx tsx bench.ts --warmup 2 --iterations 4 --seconds 2 --out results.json
import { writeFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error("BENCH_DATABASE_URL is not set (run.sh sets it to the seeded benchmark database)");
  process.exit(2);
}
const warmup = Number(arg("warmup", "2"));
const iterations = Number(arg("iterations", "4"));
const seconds = Number(arg("seconds", "2"));
const out = arg("out", "results.json");
const only = arg("only", "");

// the same pool size as the JMH side (Hikari maximumPoolSize 2); one query in flight at a time
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });

const USERS = 1000;
let next = 0;
const nextId = () => (next = (next % USERS) + 1);

// names are the JMH methods they pair with
const cases: Record<string, () => Promise<unknown>> = {
  prismaFindUnique: () => prisma.user.findUnique({ where: { id: nextId() } }),
  prismaFindManyTake20: () => prisma.user.findMany({ take: 20 }),
  prismaPostsWhereOrderTake: () =>
    prisma.post.findMany({ where: { published: true, views: { gte: 10 } }, orderBy: [{ createdAt: "desc" }], take: 20 }),
  prismaTake20IncludePostsQuery: () =>
    prisma.user.findMany({ take: 20, include: { posts: true }, relationLoadStrategy: "query" }),
  prismaTake20IncludePostsJoin: () =>
    prisma.user.findMany({ take: 20, include: { posts: true }, relationLoadStrategy: "join" }),
  prismaAllIncludePostsQuery: () => prisma.user.findMany({ include: { posts: true }, relationLoadStrategy: "query" }),
  prismaAllIncludePostsJoin: () => prisma.user.findMany({ include: { posts: true }, relationLoadStrategy: "join" }),
};

async function iteration(run: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now < end) {
    await run();
    ops++;
    now = performance.now();
  }
  return ops / ((now - start) / 1000);
}

const results: unknown[] = [];
// a check like the JMH side's: the wide include really returns 1,000 users with 10 posts each
const all = (await prisma.user.findMany({ include: { posts: true } })) as Array<{ posts: unknown[] }>;
if (all.length !== USERS || all.some((u) => u.posts.length !== 10)) {
  throw new Error(`the benchmark database does not hold ${USERS} users with 10 posts each`);
}
for (const [name, run] of Object.entries(cases)) {
  if (only && !name.includes(only)) continue;
  for (let i = 0; i < warmup; i++) await iteration(run);
  const scores: number[] = [];
  for (let i = 0; i < iterations; i++) scores.push(await iteration(run));
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  console.log(`${name.padEnd(34)} ${mean.toFixed(3).padStart(12)} ops/s  (${scores.map((s) => s.toFixed(1)).join(", ")})`);
  results.push({ benchmark: name, db: "postgresql", opsPerSec: mean, iterations: scores });
}
await prisma.$disconnect();
const version = (await import("@prisma/client/package.json", { with: { type: "json" } })).default.version;
writeFileSync(out, JSON.stringify({ client: `@prisma/client ${version} + @prisma/adapter-pg`, node: process.version,
  settings: { warmup, iterations, seconds }, results }, null, 2));
