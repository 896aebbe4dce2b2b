"""Files of other tools: ArchiMate Open Exchange XML both ways (a reader and a writer that share
one vocabulary and never import each other) and safe XML parsing. Imports the model and
storage."""
