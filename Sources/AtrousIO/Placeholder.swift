import AtrousCore
