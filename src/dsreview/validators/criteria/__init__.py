"""One module per review criterion (DOMAIN §6); each adds its findings and returns its status."""
