"""Sample bundle generator: realistic Korean application documents with ground truth (DOMAIN §10)."""
