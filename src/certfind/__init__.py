"""certfind: find library and support-staff certifications, with their costs and how far to trust them."""

__version__ = "0.2.0"
