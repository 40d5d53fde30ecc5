#!/usr/bin/env python3
"""Plain-load baseline when sqlite-utils is unavailable: every file under a
folder stored as (path, text, size) in one table, in one transaction, the
same rows `sqlite-utils insert-files --text` writes.

    plain_load.py DB FOLDER
"""
import os
import sqlite3
import sys


def main(db, folder):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE articles (path TEXT PRIMARY KEY, content_text TEXT, size INTEGER)")
    with conn:
        for dirpath, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                conn.execute("INSERT INTO articles VALUES (?, ?, ?)", (path, text, len(text)))
    conn.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
