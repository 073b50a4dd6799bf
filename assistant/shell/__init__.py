"""The composition root: builds the app and its window and wires them together; the only
package that imports both `assistant.app` and `assistant.ui`."""
