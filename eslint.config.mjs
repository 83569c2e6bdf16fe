import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Boundaries between folders (CONVENTIONS.md "a file's folder says what it may touch"), as import rules.
// Each pattern is given in its "@/" form and as a path from anywhere ("**/lib/db" also catches "../../lib/db").
// In a flat config a later block replaces the earlier options of the same rule, so each block below lists
// everything its files may not import, built from these groups.
const either = (...paths) => paths.flatMap((p) => [`@/${p}`, `**/${p}`]);
/** ESLint refuses a group that names a pattern twice. */
const group = (...patterns) => [...new Set(patterns.flat())];

/** The database and what reads it: server-only by construction. */
const DATA_ACCESS = [...either("lib/data", "lib/data/*", "lib/db", "lib/prisma-client", "lib/generated/*"), "@prisma/*", "server-only"];

/** Other server-only modules: the session and sign-in, the environment, mail, HTTP helpers, files and server-drawn charts. */
const SERVER_ONLY = [
  ...either("lib/auth/*", "lib/env", "lib/mail", "lib/http", "lib/export/*", "lib/import/*", "lib/charts/*"),
  "next-auth/next",
  "next-auth/jwt",
];

/**
 * Server-only bodies of actions (they take the session as a seam; tests call them): a component calls the
 * "use server" action instead (lib/actions/<feature>.ts), and takes the types from lib/domain.
 */
const ACTION_BODIES = either("lib/actions/save-*", "lib/actions/import");

/** What only a server component, a route handler or an action may call. */
// "next-auth" exactly (its server entry): a path, as a pattern would also catch the client's "next-auth/react".
const SERVER_NEXT = ["next/headers", "next/cache", "next/server", "next-auth"];
const SERVER_NAVIGATION = { name: "next/navigation", importNames: ["redirect", "permanentRedirect", "notFound", "forbidden", "unauthorized"] };

const COMPONENTS_MESSAGE =
  "Components receive their data from pages as props: no lib/data, database or other server-only module. Put shared types in lib/domain; call server actions through their 'use server' module.";
const CHARTS_MESSAGE = "Charts are presentational: numbers and labels come in as props (types from lib/domain); nothing is fetched, submitted or redirected.";
const DOMAIN_MESSAGE = "lib/domain is pure TypeScript: no Prisma, Next, React, data access, actions or other server-only modules.";

export default defineConfig([
  ...nextCoreWebVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "lib/generated/**", "node_modules/**", ".data/**", "bench/.data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Components: props in. Client components may import the "use server" actions (lib/actions/<feature>.ts)
    // and the form-state types: that is how a form reaches the server. Type imports count too: a type that
    // components share lives in lib/domain.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...SERVER_NEXT.map((name) => ({ name, message: COMPONENTS_MESSAGE })), { ...SERVER_NAVIGATION, message: COMPONENTS_MESSAGE }],
          patterns: [{ group: group(DATA_ACCESS, SERVER_ONLY, ACTION_BODIES), message: COMPONENTS_MESSAGE }],
        },
      ],
    },
  },
  {
    // Charts: also no actions, no validation and no other components (client navigation hooks, such as
    // useRouter for a drill-down click, and next/dynamic stay allowed).
    files: ["components/charts/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...SERVER_NEXT.map((name) => ({ name, message: CHARTS_MESSAGE })), { ...SERVER_NAVIGATION, message: CHARTS_MESSAGE }],
          patterns: [
            {
              group: group(DATA_ACCESS, SERVER_ONLY, either("lib/actions", "lib/actions/*", "lib/validation/*"), "next-auth/*"),
              message: CHARTS_MESSAGE,
            },
            { group: ["@/components/*", "!@/components/charts", "!@/components/charts/*"], message: CHARTS_MESSAGE },
          ],
        },
      ],
    },
  },
  {
    // lib/domain is pure: no Prisma, Next, React or data access, so it can be unit-tested in Node
    // and reused by exports and charts alike.
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: group(
                ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*", "recharts"],
                DATA_ACCESS,
                SERVER_ONLY,
                either("lib/actions", "lib/actions/*", "components/*", "app/*"),
              ),
              message: DOMAIN_MESSAGE,
            },
            {
              group: ["../data", "../data/*", "../db", "../generated/*", "../actions/*", "../auth/*", "../../data/*", "../../actions/*"],
              message: DOMAIN_MESSAGE,
            },
          ],
        },
      ],
    },
  },
]);
