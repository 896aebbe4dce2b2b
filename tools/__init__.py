"""Developer tools and build scripts that are not shipped with the program (the package's
``resources/`` holds data only)."""
