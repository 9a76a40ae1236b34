from stcli.cli import main

main()
