from community_warehouse.quality.checkpoint import main

raise SystemExit(main())
