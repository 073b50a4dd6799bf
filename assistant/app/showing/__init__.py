"""Pictures the user shows the assistant: the screen, a window, a region, a pasted or dropped
image, or the screen the model asked to see."""
