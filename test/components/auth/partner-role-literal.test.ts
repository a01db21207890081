/**
 * Pins PartnerRole literally: the exact message of every argument check,
 * with the boundaries of partnerName (1/40/41), the account ids (12 digits,
 * 11, 13) and the sts:ExternalId (2-1224 characters of `\w+=,.@:/-`, as
 * STS's AssumeRole documents it), and the role's name, description and parent.
 */
import * as assert from "assert";
import { PartnerRole, PartnerRoleArgs, PublicApi, validatePartnerRoleArgs } from "../../../components";
import { runProgram } from "../../harness";
import { restApiArgs } from "../fixtures";

type Checked = Omit<PartnerRoleArgs, "endpoint">;
const valid: Checked = {
    partnerName: "acme",
    trustedAccountIds: ["111122223333"],
    externalId: "ext-id-123",
    routes: [{ method: "GET", path: "/orders", auth: "iam" }],
};
/** Arguments with fields the types forbid (missing, null), as a JavaScript caller may pass them. */
const loose = (overrides: Record<string, unknown>): Checked => ({ ...valid, ...overrides }) as unknown as Checked;

function rejects(args: Checked, message: string): void {
    assert.throws(
        () => validatePartnerRoleArgs(args),
        (error: Error) => {
            assert.strictEqual(error.message, message);
            return true;
        },
    );
}

const EXTERNAL_ID_PROBLEM = "PartnerRole: externalId must be 2-1224 characters of letters, digits and +=,.@:/-_ (value not shown)";
const partnerNameProblem = (name: string) => `PartnerRole: partnerName must be 1-40 letters, digits, - or _ (got ${JSON.stringify(name)})`;
const accountProblem = (id: string) => `PartnerRole: trustedAccountIds[1] must be a 12-digit AWS account id (got ${JSON.stringify(id)})`;

describe("PartnerRole (literal)", () => {
    describe("partnerName", () => {
        it("accepts 1 and 40 characters of letters, digits, - and _", () => {
            validatePartnerRoleArgs({ ...valid, partnerName: "a" });
            validatePartnerRoleArgs({ ...valid, partnerName: `Ab_-${"9".repeat(36)}` });
        });

        it("rejects 0 characters", () => rejects({ ...valid, partnerName: "" }, partnerNameProblem("")));

        it("rejects 41 characters", () => rejects({ ...valid, partnerName: "a".repeat(41) }, partnerNameProblem("a".repeat(41))));

        it("rejects a trailing character outside the set", () => rejects({ ...valid, partnerName: "acme!" }, partnerNameProblem("acme!")));

        it("rejects a leading character outside the set", () => rejects({ ...valid, partnerName: "!acme" }, partnerNameProblem("!acme")));
    });

    describe("trustedAccountIds", () => {
        it("rejects a missing list with a ComponentArgumentError", () =>
            rejects(loose({ trustedAccountIds: undefined }), "PartnerRole: trustedAccountIds must list at least one partner account id"));

        it("rejects 13 digits, naming the entry's index", () =>
            rejects({ ...valid, trustedAccountIds: ["111122223333", "1111222233334"] }, accountProblem("1111222233334")));

        it("rejects 11 digits", () => rejects({ ...valid, trustedAccountIds: ["111122223333", "11112222333"] }, accountProblem("11112222333")));

        it("rejects a letter after 12 digits", () =>
            rejects({ ...valid, trustedAccountIds: ["111122223333", "111122223333x"] }, accountProblem("111122223333x")));

        it("rejects a letter before 12 digits", () =>
            rejects({ ...valid, trustedAccountIds: ["111122223333", "x111122223333"] }, accountProblem("x111122223333")));
    });

    describe("externalId", () => {
        for (const [what, externalId] of [
            ["a missing", undefined],
            ["a null", null],
            ["an empty", ""],
        ] as const) {
            it(`rejects ${what} external id`, () =>
                rejects(loose({ externalId }), "PartnerRole: externalId is required (a Pulumi secret the partner sends as sts:ExternalId)"));
        }

        it("accepts 2 characters and every allowed punctuation character", () => {
            validatePartnerRoleArgs({ ...valid, externalId: "ab" });
            validatePartnerRoleArgs({ ...valid, externalId: "Ab9_+=,.@:/-" });
        });

        it("accepts 1224 characters", () => validatePartnerRoleArgs({ ...valid, externalId: "x".repeat(1224) }));

        it("rejects 1 character", () => rejects({ ...valid, externalId: "a" }, EXTERNAL_ID_PROBLEM));

        it("rejects 1225 characters", () => rejects({ ...valid, externalId: "x".repeat(1225) }, EXTERNAL_ID_PROBLEM));

        it("rejects a disallowed character at the start", () => rejects({ ...valid, externalId: "!!ext-id" }, EXTERNAL_ID_PROBLEM));

        it("rejects a disallowed character at the end", () => rejects({ ...valid, externalId: "ext-id!!" }, EXTERNAL_ID_PROBLEM));
    });

    describe("routes", () => {
        it("rejects an empty list", () => rejects({ ...valid, routes: [] }, "PartnerRole: routes must grant at least one AWS_IAM route"));

        it("rejects a missing list with a ComponentArgumentError", () =>
            rejects(loose({ routes: undefined }), "PartnerRole: routes must grant at least one AWS_IAM route"));
    });

    describe("created role", () => {
        it("names the role <slug>-api-partner, describes it and parents role and policy on the component", async () => {
            const plan = await runProgram(() => {
                const api = new PublicApi("api", restApiArgs());
                new PartnerRole("p", { ...valid, partnerName: "Acme_Corp", endpoint: api.api });
            });
            const component = plan.one("secure-api:auth:PartnerRole");
            const role = plan.one("aws:iam/role:Role", "p");
            assert.strictEqual(role.props.name, "acme-corp-api-partner");
            assert.strictEqual(role.props.description, "Partner Acme_Corp: invoke its granted AWS_IAM routes only");
            assert.strictEqual(role.parent, component.urn);
            assert.strictEqual(plan.one("aws:iam/rolePolicy:RolePolicy", "p-invoke").parent, component.urn);
        });

        it("keeps the whole name for a 40-character partner (52 characters, within IAM's 64)", async () => {
            const partnerName = "b".repeat(40);
            const plan = await runProgram(() => {
                const api = new PublicApi("api", restApiArgs());
                new PartnerRole("p", { ...valid, partnerName, endpoint: api.api });
            });
            assert.strictEqual(plan.props("aws:iam/role:Role", "p").name, `${"b".repeat(40)}-api-partner`);
        });
    });
});
