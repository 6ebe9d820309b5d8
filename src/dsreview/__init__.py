"""dsreview: the paperwork engine of the Digital Service Specialized Contract System."""

__version__ = "0.1.0"
