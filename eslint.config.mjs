import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
    // lib/domain is pure: no Prisma, Next, React or data access, so it can be unit-tested in Node
    // and reused by exports and charts alike.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom", "@prisma/*", "@/lib/generated/*", "@/lib/data/*", "@/lib/db", "@/lib/actions/*", "server-only"],
              message: "lib/domain is pure TypeScript.",
            },
            { group: ["../data/*", "../db", "../generated/*", "../actions/*"], message: "lib/domain is pure TypeScript." },
          ],
        },
      ],
    },
  },
]);
