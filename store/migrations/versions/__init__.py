"""The revisions, one file each; every area's branch starts from 0001_core."""
