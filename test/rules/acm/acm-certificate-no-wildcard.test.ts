import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { acmCertificateNoWildcard, certificateNoWildcardConfig } from "../../../policy-pack/rules/acm/acm-certificate-no-wildcard";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { logGroup } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "acm-certificate-no-wildcard";

type CertificateArgs = Partial<aws.acm.CertificateArgs>;
const requested = (name: string, args: CertificateArgs = {}) =>
    new aws.acm.Certificate(name, { domainName: "api.example.com", validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", ...args });
const pem = (fixture: string) => fs.readFileSync(path.join(__dirname, "fixtures", `${fixture}.pem`), "utf8");
const imported = (name: string, body: pulumi.Input<string>) =>
    new aws.acm.Certificate(name, { certificateBody: body, privateKey: pulumi.secret("not-a-real-key") });
const program =
    (args: CertificateArgs = {}) =>
    () => {
        requested("cert", args);
    };
const ALLOWED = { allowedWildcardDomains: [{ domain: "*.tenants.example.com", reason: "one subdomain per tenant, created at sign-up" }] };

describe(RULE, () => {
    it("pins the default config (no wildcard allowed)", () => {
        assert.deepStrictEqual(certificateNoWildcardConfig.defaults, { allowedWildcardDomains: [] });
        assert.deepStrictEqual(acmCertificateNoWildcard.configSchema?.properties.allowedWildcardDomains.default, []);
    });

    it("passes the compliant baseline (named hosts in domainName and subjectAlternativeNames) and an imported certificate for a named host", async () => {
        assertNoFindings(await ruleFindings(RULE, program({ subjectAlternativeNames: ["www.example.com", "blog.example.com"] })));
        assertNoFindings(await ruleFindings(RULE, () => imported("cert", pem("rsa-2048"))));
    });

    it('rejects a wildcard domainName ("*.example.com", and "*example.com" as Checkov does), advisory', async () => {
        assertFindings(await ruleFindings(RULE, program({ domainName: "*.example.com" })), RULE, "advisory", [
            { resource: "cert", message: [/is a wildcard certificate \(domainName "\*\.example\.com"\)/, /allowedWildcardDomains/] },
        ]);
        assertFindings(await ruleFindings(RULE, program({ domainName: "*example.com" })), RULE, "advisory", [
            { resource: "cert", message: [/domainName "\*example\.com"/] },
        ]);
    });

    it("rejects a wildcard in subjectAlternativeNames and in an imported certificateBody", async () => {
        assertFindings(await ruleFindings(RULE, program({ subjectAlternativeNames: ["*.sub.example.com", "www.example.com"] })), RULE, "advisory", [
            { resource: "cert", message: [/\(subjectAlternativeNames "\*\.sub\.example\.com"\)/] },
        ]);
        assertFindings(await ruleFindings(RULE, () => imported("cert", pem("rsa-2048-wildcard"))), RULE, "advisory", [
            { resource: "cert", message: [/\(certificateBody "\*\.example\.com"\)/] },
        ]);
    });

    it("reports every wildcard certificate of the stack, naming each wildcard", async () => {
        const found = await ruleFindings(RULE, () => {
            requested("both", { domainName: "*.example.com", subjectAlternativeNames: ["*.api.example.com"] });
            requested("san", { subjectAlternativeNames: ["*.www.example.com"] });
            requested("named");
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "both", message: [/domainName "\*\.example\.com" and subjectAlternativeNames "\*\.api\.example\.com"/] },
            { resource: "san", message: [/subjectAlternativeNames "\*\.www\.example\.com"/] },
        ]);
    });

    it("allowedWildcardDomains accepts exactly the listed wildcards", async () => {
        const config = { [RULE]: ALLOWED };
        assertNoFindings(await ruleFindings(RULE, program({ domainName: "*.tenants.example.com" }), { config }));
        assertFindings(
            await ruleFindings(RULE, program({ domainName: "*.tenants.example.com", subjectAlternativeNames: ["*.example.com"] }), { config }),
            RULE,
            "advisory",
            [{ resource: "cert", message: [/\(subjectAlternativeNames "\*\.example\.com"\)/] }],
        );
    });

    it("names built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            requested("cert", { subjectAlternativeNames: [logGroup("source").arn.apply(() => "*.example.com")] });
        });
        assertFindings(found.update, RULE, "advisory", [{ resource: "cert", message: [/subjectAlternativeNames "\*\.example\.com"/] }]);
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "cert", message: [/cannot be verified at preview: Certificate "cert"\.subjectAlternativeNames(\.0)? is unknown/] },
        ]);
    });

    it("a domainName, a whole subjectAlternativeNames list or a certificateBody unknown at a first preview is each reported, naming it", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const source = logGroup("source").arn;
            requested("by-domain", { domainName: source.apply(() => "*.example.com") });
            requested("by-list", { subjectAlternativeNames: source.apply(() => ["*.example.com"]) });
            imported(
                "by-body",
                source.apply(() => pem("rsa-2048-wildcard")),
            );
        });
        const requirement = /it must name hosts without a wildcard \(or the wildcard must be in allowedWildcardDomains\)/;
        assertFindings(found.preview, RULE, "advisory", [
            { resource: "by-domain", message: [/Certificate "by-domain"\.domainName is unknown/, requirement] },
            { resource: "by-list", message: [/Certificate "by-list"\.subjectAlternativeNames is unknown/, requirement] },
            { resource: "by-body", message: [/Certificate "by-body"\.certificateBody is unknown/, requirement] },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "by-domain", message: [/domainName "\*\.example\.com"/] },
            { resource: "by-list", message: [/subjectAlternativeNames "\*\.example\.com"/] },
            { resource: "by-body", message: [/certificateBody "\*\./] },
        ]);
    });

    it("allowedWildcardDomains entries need a wildcard domain and a reason of 12 characters or more, and nothing else", async () => {
        const entry = ALLOWED.allowedWildcardDomains[0];
        const bad: [string, unknown][] = [
            ["no reason", { domain: entry.domain }],
            ["no domain", { reason: entry.reason }],
            ["a domain without a wildcard", { ...entry, domain: "tenants.example.com" }],
            ["an 11-character reason", { ...entry, reason: "for tenants" }],
            ["another property", { ...entry, expires: "2030-01-01" }],
        ];
        for (const [what, waiver] of bad) {
            await assert.rejects(ruleFindings(RULE, program(), { config: { [RULE]: { allowedWildcardDomains: [waiver] } } }), /allowedWildcardDomains/, what);
        }
        const twelve = { ...entry, reason: "per tenant.." };
        assertNoFindings(await ruleFindings(RULE, program({ domainName: entry.domain }), { config: { [RULE]: { allowedWildcardDomains: [twelve] } } }));
    });
});
