"""Local infrastructure: template.yaml read and provisioned into moto so tests and the local stack match the cloud."""
