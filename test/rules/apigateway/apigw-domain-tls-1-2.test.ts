import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, domainName, restApi } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-domain-tls-1-2";

describe(RULE, () => {
    it("passes the compliant baseline: TLS_1_2 and TLS 1.3 policies on domains and APIs", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                domainName("classic", { securityPolicy: "TLS_1_2" });
                domainName("enhanced", { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09", endpointAccessMode: "STRICT" });
                restApi("api", { securityPolicy: "TLS_1_2" });
                restApi("no-policy");
            }),
        );
    });

    it("rejects a TLS 1.0 domain and one without a policy", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                domainName("old", { securityPolicy: "TLS_1_0" });
                domainName("unset", { securityPolicy: undefined });
            }),
            RULE,
            "mandatory",
            [
                { resource: "old", message: [/DomainName "old" uses security policy TLS_1_0/, /securityPolicy: "TLS_1_2"/] },
                { resource: "unset", message: [/securityPolicy is not set/] },
            ],
        );
    });

    it("rejects a REST API that sets a TLS 1.0 policy", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restApi("api", { securityPolicy: "TLS_1_0" });
            }),
            RULE,
            "mandatory",
            [{ resource: "api", message: [/RestApi "api" uses security policy TLS_1_0/, /securityPolicy/] }],
        );
    });

    it("a security policy built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            domainName("domain", { securityPolicy: afterDeployment("TLS_1_0") });
            restApi("api", { securityPolicy: afterDeployment("TLS_1_0") });
        });
        const requirement = /is unknown; it must be TLS_1_2 or a SecurityPolicy_TLS13_\* policy\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "domain", message: [/^cannot be verified at preview: DomainName "domain"\.securityPolicy /, requirement] },
            { resource: "api", message: [/^cannot be verified at preview: RestApi "api"\.securityPolicy /, requirement] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "domain", message: [/DomainName "domain" uses security policy TLS_1_0/] },
            { resource: "api", message: [/RestApi "api" uses security policy TLS_1_0/] },
        ]);
    });
});
