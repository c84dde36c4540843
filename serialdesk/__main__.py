from serialdesk.cli import main

raise SystemExit(main())
