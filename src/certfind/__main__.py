"""`python -m certfind`."""

from certfind.cli import main

if __name__ == "__main__":
    main()
