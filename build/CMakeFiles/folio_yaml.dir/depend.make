# Empty dependencies file for folio_yaml.
# This may be replaced when dependencies are built.
