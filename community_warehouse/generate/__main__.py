from community_warehouse.generate.cli import main

raise SystemExit(main())
