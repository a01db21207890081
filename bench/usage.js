/* eslint-disable @typescript-eslint/no-require-imports */
// Preloaded (node -r) into each measured process: writes its peak RSS and CPU time to BENCH_USAGE_FILE on exit.
"use strict";
const fs = require("fs");
process.on("exit", () => {
    const file = process.env.BENCH_USAGE_FILE;
    if (file) {
        const u = process.resourceUsage();
        fs.writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
    }
});
