// Lint: typescript-eslint's recommended rules on every TypeScript file of the project, `any` forbidden.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    // test/fixtures/programs/real/: public programs copied verbatim, kept as published.
    { ignores: ["node_modules/", ".scratch/", "out/", ".plan/", "reports/", ".stryker-tmp/", "test/fixtures/programs/real/"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        rules: {
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            "@typescript-eslint/no-require-imports": "off",
            "@typescript-eslint/no-namespace": "off",
            eqeqeq: ["error", "always"],
            "no-console": "off",
        },
    },
    {
        files: ["**/*.mjs", "**/*.js"],
        languageOptions: { globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable", __dirname: "readonly" } },
    },
);
