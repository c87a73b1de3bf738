import sys

try:
    from .cli import main

    code = main()
except KeyboardInterrupt:  # Ctrl-C before main() took over (while the modules load)
    print(f"{sys.argv[1] if len(sys.argv) > 1 else 'iacc2016'}: interrupted", file=sys.stderr)
    code = 130
sys.exit(code)
