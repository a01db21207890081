/**
 * Entry point of the Pulumi program (`main` in Pulumi.yaml). Every value of
 * the returned object becomes a stack output; see stacks/outputs.ts.
 */
import { platformProgram } from "./program";

export = platformProgram;
