// The frame after the one that draws the line: the same mark IK Desk sets once its rows are drawn.
requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("startup:painted")));
