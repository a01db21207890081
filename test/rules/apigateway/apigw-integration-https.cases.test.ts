import { ruleFindings } from "../../rule-harness";
import { restApi } from "../builders";
import { assertFindings, exactly } from "../expect";
import { changed, operation, restBody } from "../openapi-bodies";

const RULE = "apigw-integration-https";

describe(`${RULE} (cases)`, () => {
    it("states the whole finding for an http:// body integration", async () => {
        const body = changed(restBody(), (d) => {
            (operation(d, "/orders", "get")["x-amazon-apigateway-integration"] as Record<string, unknown>).uri = "http://backend.example.com/orders";
        });
        assertFindings(await ruleFindings(RULE, () => restApi("api", { body })), RULE, "mandatory", [
            {
                resource: "api",
                message: [
                    exactly(
                        'RestApi "api" body operation GET /orders (/paths/~1orders/get) calls its backend in clear text (x-amazon-apigateway-integration.uri "http://backend.example.com/orders"), ' +
                            "so requests, tokens and responses can be read or changed on the way. Set x-amazon-apigateway-integration.uri to the backend's https:// endpoint.",
                    ),
                ],
            },
        ]);
    });
});
