/**
 * What the gate reads of a provider's declarations, literally: which
 * `readonly x: pulumi.Output<T>` of a class count as computed (not
 * `| undefined`, nested generics and `=>` included), the JSON kind of each,
 * auto-naming from an optional `name` input, and how `typeInfo` finds the
 * declaration file of a type token (module paths, `index/`, lower-cased class,
 * `pulumi` packages, missing packages and files), caches it per resolve
 * directory and auto-names S3 buckets by `bucket`. Uses a fake provider
 * package in a temporary directory, and the installed @pulumi/aws once.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseDeclarations, typeInfo } from "../../policy-pack/gate/provider-schema";

const cls = (name: string, members: string[], extra = "") =>
    `export declare class ${name} extends pulumi.CustomResource {\n${members.map((m) => `    ${m}\n`).join("")}}\n${extra}`;
const args = (name: string, members: string[]) => `export interface ${name}Args {\n${members.map((m) => `    ${m}\n`).join("")}}\n`;
const NAME = "name?: pulumi.Input<string>;";

describe("gate: provider declarations, literally", () => {
    it("counts the outputs not declared | undefined, with their JSON kind", () => {
        const text = cls("Thing", [
            "readonly arn: pulumi.Output<string>;",
            "readonly size: pulumi.Output< number >;",
            "readonly on: pulumi.Output<boolean>;",
            "readonly ids: pulumi.Output<string[]>;",
            "readonly list: pulumi.Output<Array<string>>;",
            "readonly ro: pulumi.Output<ReadonlyArray<number>>;",
            "readonly tags: pulumi.Output<{\n        [key: string]: string;\n    }>;",
            "readonly rec: pulumi.Output<Record<string, Array<string>>>;",
            "readonly fn: pulumi.Output<(a: number) => string>;",
            "readonly fnList: pulumi.Output<() => string[]>;",
            "readonly promises: pulumi.Output<Promise<string>[]>;",
            "readonly optList: pulumi.Output<Array<string> | undefined>;",
            "readonly union: pulumi.Output<string[] | number>;",
            "readonly first: pulumi.Output<Array<string> | string>;",
            "readonly mine: pulumi.Output<MyArray<string>>;",
            "readonly inner: pulumi.Output<{ a: string | undefined }>;",
            "readonly opt: pulumi.Output<string | undefined>;",
            "readonly optSpaced: pulumi.Output<string |undefined >;",
            "readonly optTags: pulumi.Output<{\n        [key: string]: string;\n    } | undefined>;",
            "readonly plain: string;",
            "readonly input: pulumi.Input<string>;",
        ]);
        assert.deepStrictEqual(parseDeclarations(text, "Thing"), {
            computed: ["arn", "size", "on", "ids", "list", "ro", "tags", "rec", "fn", "fnList", "promises", "union", "first", "mine", "inner"],
            kinds: {
                arn: "string",
                size: "number",
                on: "boolean",
                ids: "array",
                list: "array",
                ro: "array",
                tags: "object",
                rec: "object",
                fn: "object",
                fnList: "array",
                promises: "array",
                union: "object",
                first: "array",
                mine: "object",
                inner: "object",
            },
        });
    });

    it("reads only the named class, up to its closing brace", () => {
        const text =
            cls("ThingV2", ["readonly v2: pulumi.Output<string>;"]) +
            cls("Thing", ["readonly mine: pulumi.Output<string>;"]) +
            cls("Other", ["readonly other: pulumi.Output<string>;"]);
        assert.deepStrictEqual(parseDeclarations(text, "Thing"), { computed: ["mine"], kinds: { mine: "string" } });
    });

    it("knows nothing of a class the text does not declare, even with its args", () => {
        const text = cls("Other", ["readonly x: pulumi.Output<string>;"]) + args("Thing", [NAME]);
        assert.deepStrictEqual(parseDeclarations(text, "Thing"), { computed: [], kinds: {} });
    });

    it("auto-names `name` when the args declare it optional", () => {
        assert.deepStrictEqual(parseDeclarations(cls("Thing", []) + args("Thing", ["other?: pulumi.Input<string>;", NAME]), "Thing"), {
            computed: [],
            kinds: {},
            autoName: "name",
        });
    });

    it("auto-names from args declared before the class, at the very start of the text", () => {
        assert.deepStrictEqual(parseDeclarations(args("Thing", [NAME]) + cls("Thing", []), "Thing"), { computed: [], kinds: {}, autoName: "name" });
    });

    for (const [label, text] of [
        ["no args", cls("Thing", [])],
        ["a required name", cls("Thing", []) + args("Thing", ["name: pulumi.Input<string>;"])],
        ["a name of another type", cls("Thing", []) + args("Thing", ["name?: pulumi.Input<number>;"])],
        ["a longer name", cls("Thing", []) + args("Thing", ["namePrefix?: pulumi.Input<string>;"])],
        ["a name in another interface", cls("Thing", []) + args("Thing", []) + args("Other", [NAME])],
        ["a name in the args of a longer class name", cls("Thing", []) + args("ThingV2", [NAME])],
        ["an unindented name", cls("Thing", []) + "export interface ThingArgs {\nname?: pulumi.Input<string>;\n}\n"],
    ]) {
        it(`does not auto-name with ${label}`, () => {
            assert.deepStrictEqual(parseDeclarations(text, "Thing"), { computed: [], kinds: {} });
        });
    }

    describe("typeInfo", () => {
        let dir: string;
        const put = (rel: string, text: string) => {
            const file = path.join(dir, "node_modules", "@pulumi", rel);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, text);
        };
        const ONE = (c: string) => cls(c, ["readonly arn: pulumi.Output<string>;"]) + args(c, [NAME]);
        const found = { computed: ["arn"], kinds: { arn: "string" }, autoName: "name" };
        const none = { computed: [], kinds: {} };
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "provider-schema-"));
            for (const pkg of ["fake", "pulumiservice", "aws"]) {
                put(`${pkg}/package.json`, JSON.stringify({ name: `@pulumi/${pkg}`, version: "1.0.0" }));
            }
            put("fake/mod/thing.d.ts", ONE("Thing"));
            put("fake/mod/widgetPart.d.ts", ONE("WidgetPart"));
            put("fake/root.d.ts", ONE("Root"));
            put("fake/mod/index/deep.d.ts", ONE("Deep"));
            put("pulumiservice/mod/thing.d.ts", ONE("Thing"));
            put("aws/s3/bucket.d.ts", ONE("Bucket"));
            put("aws/s3/bucketV2.d.ts", ONE("BucketV2"));
            put("aws/s3/bucketPolicy.d.ts", ONE("BucketPolicy"));
        });
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("reads <package>/<module path>.d.ts of a type token", () => {
            assert.deepStrictEqual(typeInfo("fake:mod/thing:Thing", dir), found);
            assert.deepStrictEqual(typeInfo("fake:mod/widgetPart:WidgetPart", dir), found);
        });

        it("derives the file from the module and the lower-cased class when the module has no path", () => {
            assert.deepStrictEqual(typeInfo("fake:mod:Thing", dir), found);
            assert.deepStrictEqual(typeInfo("fake:mod:WidgetPart", dir), found);
        });

        it("reads index/ modules from the package root", () => {
            assert.deepStrictEqual(typeInfo("fake:index/root:Root", dir), found);
            assert.deepStrictEqual(typeInfo("fake:index:Root", dir), found);
            assert.deepStrictEqual(typeInfo("fake:mod/index/deep:Deep", dir), found, "only a leading index/ is the root");
        });

        for (const type of ["pulumi:pulumi:Stack", "pulumiservice:mod/thing:Thing", "fake:mod", "fake:mod/nothing:Nothing", "absent:mod/thing:Thing"]) {
            it(`knows no outputs of ${type}`, () => {
                assert.deepStrictEqual(typeInfo(type, dir), none);
            });
        }

        it("auto-names S3 buckets by bucket, other S3 types as declared", () => {
            assert.deepStrictEqual(typeInfo("aws:s3/bucket:Bucket", dir), { ...found, autoName: "bucket" });
            assert.deepStrictEqual(typeInfo("aws:s3/bucketV2:BucketV2", dir), { ...found, autoName: "bucket" });
            assert.deepStrictEqual(typeInfo("aws:s3/bucketPolicy:BucketPolicy", dir), found);
            const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), "provider-schema-none-"));
            try {
                assert.deepStrictEqual(typeInfo("aws:s3/bucket:Bucket", nowhere), { computed: [], kinds: {}, autoName: "bucket" });
            } finally {
                fs.rmSync(nowhere, { recursive: true, force: true });
            }
        });

        it("answers the same object for the same type and directory, and reads each directory's own package", () => {
            const first = typeInfo("fake:mod/thing:Thing", dir);
            assert.strictEqual(typeInfo("fake:mod/thing:Thing", dir), first);
            assert.notStrictEqual(typeInfo("fake:mod/thing:Thing", path.join(dir, "node_modules")), first);
            assert.deepStrictEqual(typeInfo("aws:s3/bucketPolicy:BucketPolicy"), {
                computed: ["bucket", "policy", "region"],
                kinds: { bucket: "string", policy: "string", region: "string" },
            });
        });
    });
});
