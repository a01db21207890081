import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cognito-identity-pool-unauthenticated";

type IdentityPoolArgs = Partial<aws.cognito.IdentityPoolArgs>;
const identityPool = (name: string, args: IdentityPoolArgs = {}) =>
    new aws.cognito.IdentityPool(name, {
        identityPoolName: name,
        allowUnauthenticatedIdentities: false,
        allowClassicFlow: false,
        cognitoIdentityProviders: [{ clientId: "6lhlkkfbfb4q5kpp90urffae", providerName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Tv0493apJ" }],
        ...args,
    });
const program =
    (args: IdentityPoolArgs = {}) =>
    () => {
        identityPool("ids", args);
    };

describe(RULE, () => {
    it("passes the compliant baseline (both false), and both left unset (AWS's default false)", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
        assertNoFindings(await ruleFindings(RULE, program({ allowUnauthenticatedIdentities: undefined, allowClassicFlow: undefined })));
    });

    it("rejects unauthenticated identities", async () => {
        assertFindings(await ruleFindings(RULE, program({ allowUnauthenticatedIdentities: true })), RULE, "mandatory", [
            { resource: "ids", message: [/allowUnauthenticatedIdentities: true/, /Set allowUnauthenticatedIdentities: false/] },
        ]);
    });

    it("rejects the classic flow", async () => {
        assertFindings(await ruleFindings(RULE, program({ allowClassicFlow: true })), RULE, "mandatory", [
            { resource: "ids", message: [/basic \(classic\) auth flow \(allowClassicFlow: true\)/, /Set allowClassicFlow: false/] },
        ]);
    });

    it("reports both on one pool, and every pool of the stack", async () => {
        const found = await ruleFindings(RULE, () => {
            identityPool("guest", { allowUnauthenticatedIdentities: true, allowClassicFlow: true });
            identityPool("other", { allowUnauthenticatedIdentities: true });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "guest", message: [/allowUnauthenticatedIdentities: true/] },
            { resource: "guest", message: [/allowClassicFlow: true/] },
            { resource: "other", message: [/allowUnauthenticatedIdentities: true/] },
        ]);
    });

    it("settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            identityPool("guest", { allowUnauthenticatedIdentities: afterDeployment(true) });
            identityPool("classic", { allowClassicFlow: afterDeployment(true) });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "guest", message: [/IdentityPool "guest"\.allowUnauthenticatedIdentities is unknown; it must be false\./] },
            { resource: "classic", message: [/IdentityPool "classic"\.allowClassicFlow is unknown; it must be false\./] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "guest", message: [/allowUnauthenticatedIdentities: true/] },
            { resource: "classic", message: [/allowClassicFlow: true/] },
        ]);
    });
});
