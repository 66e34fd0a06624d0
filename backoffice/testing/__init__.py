"""Test tooling for carriers: the conformance kit every carrier passes."""
