/** Entry point of the app-team example project (`pulumi up` in stacks/consumer). */
import { consumerProgram } from "./program";

export = consumerProgram;
